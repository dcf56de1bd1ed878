package org.fr3workbench.probe.boot;

import java.util.List;

/**
 * Whether UEFI Secure Boot would run an image with the given db and dbx.
 *
 * @param trusted   the image is allowed by db: a valid signature chaining to a db certificate, or its hash in db
 * @param forbidden the image is denied by dbx: its hash, its signer or a certificate of its chain is listed
 * @param reasons   what decided each, one line each
 */
public record SecureBootJudgement(boolean trusted, boolean forbidden, List<String> reasons) {

    public SecureBootJudgement {
        reasons = List.copyOf(reasons);
    }

    /** Whether the firmware would start the image. */
    public boolean wouldBoot() {
        return trusted && !forbidden;
    }
}
