package callguide.telephony;

/** What the handler does when the phone cannot transfer: call the team on its number and make the referral by hand. */
public record ManualReferral(String team, String teamNumber, String referral) {}
