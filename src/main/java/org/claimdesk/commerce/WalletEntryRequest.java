package org.claimdesk.commerce;

import jakarta.validation.constraints.NotNull;

/**
 * A movement the shop reports on a customer's wallet: the body of
 * {@code POST /api/wallets/{customerId}/entries}. {@code amount} is in minor units: positive
 * for a RECHARGE (credit) and a PURCHASE (debit), signed for an ADJUSTMENT. A RECHARGE or a
 * PURCHASE names its order; an ADJUSTMENT may.
 */
public record WalletEntryRequest(
    @NotNull @ShopId String id,
    @ShopId String orderId,
    @NotNull Long amount,
    @CurrencyCode String currency,
    @NotNull WalletEntry.Kind kind) {
}
