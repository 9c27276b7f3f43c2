package org.claimdesk.commerce;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /api/wallets/{customerId}}: the shop reports wallet movements and reads a wallet
 * (group merchant-systems). Entries have no address of their own: {@code Location} names
 * the wallet.
 */
@RestController
@RequestMapping(path = "/api/wallets/{customerId}", produces = MediaType.APPLICATION_JSON_VALUE)
class WalletController {

  private final WalletLedger ledger;

  WalletController(WalletLedger ledger) {
    this.ledger = ledger;
  }

  /** 201 with the stored entry, also for an identical replay. */
  @PostMapping(path = "/entries", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WalletEntry> append(@PathVariable String customerId,
      @RequestBody WalletEntryRequest entry) {
    WalletEntry stored = ledger.append(customerId, entry, WalletEntry.Source.SHOP);
    return ResponseEntity
        .created(UriComponentsBuilder.fromPath("/api/wallets/{customerId}").build(customerId))
        .body(stored);
  }

  @GetMapping
  Wallet find(@PathVariable String customerId) {
    return ledger.findWallet(customerId)
        .orElseThrow(() -> new RecordNotFoundException("wallet", customerId));
  }
}
