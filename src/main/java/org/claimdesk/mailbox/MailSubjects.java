package org.claimdesk.mailbox;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The merchant's records a mail may be about, looked up for its sender only: an id the mail names
 * counts only when it is one of the sender's own orders, payments or subscriptions (the address
 * checked against the order as the web form does), so a mail learns nothing of anyone else's.
 */
@Repository
class MailSubjects {

  /** A customer known by the sender's address. */
  record Sender(String customerId, String name, String email, String language) {
  }

  /** What an id of the mail is, among the sender's records. */
  enum Kind { ORDER, PAYMENT, SUBSCRIPTION }

  /** One of the sender's records the mail names; {@code productType} for an order (and a payment's order). */
  record Named(Kind kind, String id, String productType) {
  }

  private final JdbcClient jdbc;

  MailSubjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Sender> sender(String address) {
    if (address == null) {
      return Optional.empty();
    }
    return jdbc.sql("select id, name, email, language from claimdesk.customer where lower(email) = :email"
            + " order by id fetch first 1 rows only")
        .param("email", address.strip().toLowerCase(Locale.ROOT))
        .query((rs, row) -> new Sender(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** The sender's records among the ids, in the order orders, payments, subscriptions. */
  List<Named> named(Collection<String> ids, String address) {
    if (ids.isEmpty() || address == null) {
      return List.of();
    }
    return jdbc.sql("""
            select 'ORDER' as kind, o.id, o.product_type from claimdesk.shop_order o
            join claimdesk.customer c on c.id = o.customer_id
            where o.id in (:ids) and lower(c.email) = :email
            union all
            select 'PAYMENT', p.id, o.product_type from claimdesk.payment p
            join claimdesk.shop_order o on o.id = p.order_id
            join claimdesk.customer c on c.id = o.customer_id
            where p.id in (:ids) and lower(c.email) = :email
            union all
            select 'SUBSCRIPTION', s.id, 'SUBSCRIPTION' from claimdesk.subscription s
            join claimdesk.customer c on c.id = s.customer_id
            where s.id in (:ids) and lower(c.email) = :email
            order by 1, 2""")
        .param("ids", ids)
        .param("email", address.strip().toLowerCase(Locale.ROOT))
        .query((rs, row) -> new Named(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .list();
  }

  /**
   * The sender's orders of that amount (minor units, any currency when none is given), newest first:
   * a mail that names no id but the amount it paid ("my 50 EUR recharge") may still name one order.
   */
  List<Named> ordersOfAmount(String address, long amountMinor, String currency, int limit) {
    if (address == null) {
      return List.of();
    }
    return jdbc.sql("select o.id, o.product_type from claimdesk.shop_order o"
            + " join claimdesk.customer c on c.id = o.customer_id"
            + " where lower(c.email) = :email and o.amount = :amount"
            + (currency == null ? "" : " and o.currency = :currency")
            + " order by o.ordered_at desc fetch first :limit rows only")
        .param("email", address.strip().toLowerCase(Locale.ROOT))
        .param("amount", amountMinor)
        .param("currency", currency)
        .param("limit", limit)
        .query((rs, row) -> new Named(Kind.ORDER, rs.getString(1), rs.getString(2)))
        .list();
  }

  /** The customer's email address of a case, for a reply's sender to be checked against. */
  Optional<String> customerEmailOf(String caseReference) {
    return jdbc.sql("""
            select c.email from claimdesk.claim_case k join claimdesk.customer c on c.id = k.customer_id
            where k.reference = :reference""")
        .param("reference", caseReference)
        .query(String.class)
        .optional();
  }
}
