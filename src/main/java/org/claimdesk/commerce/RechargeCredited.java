package org.claimdesk.commerce;

/**
 * A wallet recharge order was credited to the wallet (a RECHARGE ledger entry), by the shop or
 * by Claimdesk. Published inside the transaction that appends the entry, so a listener that
 * reacts (a waiting wallet case closes itself) commits or rolls back with it.
 */
public record RechargeCredited(String orderId, String customerId, String entryId, WalletEntry.Source source) {
}
