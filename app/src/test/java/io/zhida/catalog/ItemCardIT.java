package io.zhida.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.ZhidaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** 明白卡: one public page per online item with the essentials and a QR code to its 办事指南; the 办事指南 links to it. */
@ZhidaIntegrationTest
class ItemCardIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void anOnlineItemHasACardWithItsEssentialsAndAQrCodeToItsGuide() throws Exception {
        PolicyItem item = catalog.onlineItems().stream().filter(i -> !i.content().materials().isEmpty()).findFirst().orElseThrow();
        String card = mvc.perform(get("/portal/items/" + item.code() + "/card")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(card).contains(item.content().name()).contains("谁能享受").contains("要带什么").contains(item.content().materials().get(0).name())
                .contains("<svg").contains("扫码查看办事指南").contains("/portal/items/" + item.code());
        assertThat(mvc.perform(get("/portal/items/" + item.code())).andReturn().getResponse().getContentAsString()).contains("id=\"card-link\"");
        mvc.perform(get("/portal/items/NO-SUCH-ITEM/card")).andExpect(status().isNotFound());
    }
}
