package org.fr3workbench.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SerialSettingsTest {

    @Test
    void parsesTheCliFormWithDefaults() {
        assertThat(SerialSettings.parse("serial:/dev/ttyUSB0")).isEqualTo(SerialSettings.defaults("/dev/ttyUSB0"));
        SerialSettings s = SerialSettings.parse("serial:/dev/ttyS1?baud=9600&parity=even&stop=2&flow=rtscts&data=7");
        assertThat(s.display()).isEqualTo("/dev/ttyS1 9600 7E2 rts/cts");
        assertThat(SerialSettings.parse("serial:/dev/ttyACM0?stop=1.5").stopBits())
                .isEqualTo(SerialSettings.StopBits.ONE_POINT_FIVE);
    }

    @Test
    void longParameterNamesAndTheCanonicalAddressRoundTrip() {
        SerialSettings s = SerialSettings.parse("serial:/dev/ttyS2?baud=57600&parity=odd&stop-bits=2&data-bits=7&flow=xonxoff");
        assertThat(s.display()).isEqualTo("/dev/ttyS2 57600 7O2 xon/xoff");
        assertThat(s.address()).isEqualTo("serial:/dev/ttyS2?baud=57600&data=7&parity=odd&stop=2&flow=xonxoff");
        assertThat(SerialSettings.parse(s.address())).isEqualTo(s);
        assertThatThrownBy(() -> SerialSettings.parse("serial:/dev/ttyS2?stop=1&stop-bits=2"))
                .hasMessageContaining("stop-bits").hasMessageContaining("not both");
    }

    @Test
    void refusesBadInputNamingIt() {
        assertThatThrownBy(() -> SerialSettings.parse("/dev/ttyUSB0")).hasMessageContaining("serial:/dev/ttyX");
        assertThatThrownBy(() -> SerialSettings.parse("serial:/dev/ttyUSB0?baud=fast"))
                .hasMessageContaining("baud").hasMessageContaining("fast");
        assertThatThrownBy(() -> SerialSettings.parse("serial:/dev/ttyUSB0?speed=9600"))
                .hasMessageContaining("speed").hasMessageContaining("known");
        assertThatThrownBy(() -> SerialSettings.parse("serial:/dev/ttyUSB0?parity=weird")).hasMessageContaining("parity");
        assertThatThrownBy(() -> SerialSettings.parse("serial:?baud=9600")).hasMessageContaining("port path");
    }
}
