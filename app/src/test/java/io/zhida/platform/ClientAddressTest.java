package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsItselfAnIpv6ClientCountsAsItsSlash64() {
        assertThat(ClientAddress.normalise("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ClientAddress.normalise("2001:db8:1:2:3:4:5:6")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.normalise("2001:0db8:0001:0002:ffff::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientAddress.normalise("[::1]")).isEqualTo("0:0:0:0::/64");
        assertThat(ClientAddress.normalise("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
        assertThat(ClientAddress.normalise(null)).isEqualTo("unknown");
        assertThat(ClientAddress.normalise("not:an:address:zz")).isEqualTo("invalid");
    }

    @Test
    void waitsReadInSecondsMinutesOrHours() {
        assertThat(TooManyRequestsException.waitText(0)).isEqualTo("1 秒");
        assertThat(TooManyRequestsException.waitText(59)).isEqualTo("59 秒");
        assertThat(TooManyRequestsException.waitText(130)).isEqualTo("3 分钟");
        assertThat(TooManyRequestsException.waitText(86_400)).isEqualTo("24 小时");
        assertThat(TooManyRequestsException.of("提交过于频繁", 30).getMessage()).isEqualTo("提交过于频繁，请 30 秒后再试");
    }
}
