package org.fr3workbench.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OsReleaseTest {

    private static final String DEBIAN = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            VERSION="12 (bookworm)"
            ID=debian
            HOME_URL="https://www.debian.org/"
            """;

    @Test
    void summaryIsThePrettyName() {
        assertThat(OsRelease.summary(DEBIAN)).isEqualTo("Debian GNU/Linux 12 (bookworm)");
    }

    @Test
    void withoutPrettyNameTheSummaryIsNameAndVersion() {
        assertThat(OsRelease.summary("NAME='CIP Core'\nVERSION=\"2024.1\"\nID=cip\n")).isEqualTo("CIP Core 2024.1");
        assertThat(OsRelease.summary("NAME=Yocto\n")).isEqualTo("Yocto");
    }

    @Test
    void aTypedSummaryIsKeptAsItsFirstLine() {
        assertThat(OsRelease.summary("\n  CIP base image, kernel 6.1-cip  \nsecond line")).isEqualTo("CIP base image, kernel 6.1-cip");
        assertThat(OsRelease.summary("")).isEmpty();
    }

    @Test
    void fieldsAreUnquotedAndMissingOnesEmpty() {
        assertThat(OsRelease.field(DEBIAN, "ID")).contains("debian");
        assertThat(OsRelease.field(DEBIAN, "VERSION_ID")).contains("12");
        assertThat(OsRelease.field(DEBIAN, "BUILD_ID")).isEmpty();
        assertThat(OsRelease.field("PRETTY_NAME=\"\"", "PRETTY_NAME")).contains("");
    }
}
