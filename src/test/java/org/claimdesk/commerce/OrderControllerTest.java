package org.claimdesk.commerce;

import static org.hamcrest.Matchers.hasItem;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Optional;

import org.claimdesk.web.ApiSlice;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The merchant's {@code /api/orders} in a web slice: who may call it, and what a refusal looks like. */
@ApiSlice(OrderController.class)
class OrderControllerTest {

  @Autowired
  MockMvc mvc;

  @MockitoBean
  OrderService orders;

  private static RequestPostProcessor member(String group) {
    return user("someone").authorities(() -> "GROUP_" + group);
  }

  @Test
  @DisplayName("no account: 401 problem with a Basic challenge; a support agent: 403; the service never called")
  void onlyTheShop() throws Exception {
    mvc.perform(get("/api/orders/ORD-1"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().exists("WWW-Authenticate"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(get("/api/orders/ORD-1").with(member("support")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    verifyNoInteractions(orders);
  }

  @Test
  @DisplayName("the shop: an unknown order is a 404 problem")
  void unknownOrder() throws Exception {
    when(orders.findOrder("ORD-1")).thenReturn(Optional.empty());

    mvc.perform(get("/api/orders/ORD-1").with(member("merchant-systems")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  @DisplayName("the shop: an amount sent as text is a 400 naming the field, and nothing is recorded")
  void strictAmounts() throws Exception {
    mvc.perform(post("/api/orders").with(member("merchant-systems")).contentType(MediaType.APPLICATION_JSON)
            .content("{\"id\": \"ORD-1\", \"amount\": \"100\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field", hasItem("amount")));
    verifyNoInteractions(orders);
  }
}
