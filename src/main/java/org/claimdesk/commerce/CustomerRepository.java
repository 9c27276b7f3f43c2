package org.claimdesk.commerce;

import java.time.Instant;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

  private final JdbcClient jdbc;

  CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Customer> find(String id) {
    return jdbc.sql("select id, name, email, language from claimdesk.customer where id = :id")
        .param("id", id)
        .query((rs, row) -> new Customer(rs.getString("id"), rs.getString("name"),
            rs.getString("email"), Customer.Language.ofCode(rs.getString("language"))))
        .optional();
  }

  void insert(Customer customer, Instant createdAt) {
    jdbc.sql("""
            insert into claimdesk.customer (id, name, email, language, created_at)
            values (:id, :name, :email, :language, :createdAt)""")
        .param("id", customer.id())
        .param("name", customer.name())
        .param("email", customer.email())
        .param("language", customer.language().code())
        .param("createdAt", DbTimes.toDb(createdAt))
        .update();
  }

  /**
   * Locks the customer's row until the end of the transaction, so that writers of one
   * customer's wallet take turns; {@code false} when there is no such customer.
   */
  boolean lock(String id) {
    return jdbc.sql("select id from claimdesk.customer where id = :id for update")
        .param("id", id)
        .query(String.class)
        .optional()
        .isPresent();
  }
}
