package callguide.telephony;

/** A warm-transfer request refused, and why; {@code manual} is the referral to make by hand when the phone cannot. */
public final class TransferRefused extends RuntimeException {
    public enum Reason { not_transferable, unknown_team, transfer_unavailable, transfer_wrong_state }

    private final Reason reason;
    private final ManualReferral manual;

    TransferRefused(Reason reason, String detail) {
        this(reason, detail, null);
    }

    TransferRefused(Reason reason, String detail, ManualReferral manual) {
        super(detail);
        this.reason = reason;
        this.manual = manual;
    }

    public Reason reason() {
        return reason;
    }

    /** Null unless the transfer is unavailable here. */
    public ManualReferral manual() {
        return manual;
    }
}
