package callguide.telephony;

import callguide.call.Call;
import callguide.call.Nation;
import callguide.flow.IntakeRules;
import callguide.flow.Terms;

/** The Complaints Resolution Team a call goes to, picked by the call's region and, in GB, the handler's choice. */
record ResolutionTeam(String key, String name, String number) {

    static ResolutionTeam forCall(Call call, String requested, TelephonySettings.ResolutionTeams teams) {
        String region = call.answerMap().get(IntakeRules.REGION);
        boolean ni = IntakeRules.NI.equals(region) || (region == null && call.nation() == Nation.NORTHERN_IRELAND);
        String key = requested == null ? null : requested.strip().toLowerCase();
        if (ni) {
            if (key != null && !key.equals(IntakeRules.NI)) {
                throw new TransferRefused(TransferRefused.Reason.unknown_team, "this is a Northern Ireland case: it goes to the Northern Ireland team, not '" + requested + "'");
            }
            return new ResolutionTeam(IntakeRules.NI, "Northern Ireland Complaints Resolution Team", teams.niNumber());
        }
        if (key == null || key.equals(IntakeRules.GB)) return new ResolutionTeam(IntakeRules.GB, "Complaints Resolution Team", teams.gbNumber());
        String number = teams.byTeam().get(key);
        if (number == null) {
            throw new TransferRefused(TransferRefused.Reason.unknown_team, "no resolution team '" + requested + "' is configured; teams: gb"
                    + (teams.byTeam().isEmpty() ? "" : ", " + String.join(", ", new java.util.TreeSet<>(teams.byTeam().keySet()))));
        }
        return new ResolutionTeam(key, "Complaints Resolution Team (" + key + ")", number);
    }

    /** What the handler does when the phone cannot do it: call the team and make the referral by hand. */
    ManualReferral manual() {
        String mp = Terms.regional(IntakeRules.NI.equals(key)).say("{MP}");
        return new ManualReferral(name, number, "Take the caller's details and refer the contact to the " + name
                + (number == null ? "" : " on " + number) + " straight away; they handle all contact from an " + mp + " and all referrals of this kind.");
    }
}
