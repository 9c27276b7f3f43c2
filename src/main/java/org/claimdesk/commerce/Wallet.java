package org.claimdesk.commerce;

import java.util.List;

/**
 * A customer's wallet: the balance (sum of the entries' balance changes, in minor units) and
 * the entries, oldest first. {@code currency} is that of the first entry, null while the
 * wallet is empty. The answer of {@code GET /api/wallets/{customerId}}.
 */
public record Wallet(String customerId, long balance, String currency, List<WalletEntry> entries) {

  public Wallet {
    entries = List.copyOf(entries);
  }
}
