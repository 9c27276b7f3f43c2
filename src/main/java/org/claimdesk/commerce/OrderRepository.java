package org.claimdesk.commerce;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.claimdesk.jdbc.DbTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Order> find(String id) {
    return jdbc.sql("""
            select o.id, o.product_type, o.description, o.amount, o.currency, o.ordered_at,
                   o.service_date, o.service_status,
                   c.id as customer_id, c.name as customer_name, c.email as customer_email,
                   c.language as customer_language
            from claimdesk.shop_order o
            join claimdesk.customer c on c.id = o.customer_id
            where o.id = :id""")
        .param("id", id)
        .query((rs, row) -> map(rs))
        .optional();
  }

  void insert(Order order, Instant createdAt) {
    jdbc.sql("""
            insert into claimdesk.shop_order (id, customer_id, product_type, description, amount,
                currency, ordered_at, service_date, service_status, created_at)
            values (:id, :customerId, :productType, :description, :amount, :currency, :orderedAt,
                :serviceDate, :serviceStatus, :createdAt)""")
        .param("id", order.id())
        .param("customerId", order.customer().id())
        .param("productType", order.productType().name())
        .param("description", order.description())
        .param("amount", order.amount())
        .param("currency", order.currency())
        .param("orderedAt", DbTimes.toDb(order.orderedAt()))
        .param("serviceDate", order.serviceDate(), java.sql.Types.DATE)
        .param("serviceStatus", order.serviceStatus().name())
        .param("createdAt", DbTimes.toDb(createdAt))
        .update();
  }

  private static Order map(ResultSet rs) throws SQLException {
    Customer customer = new Customer(rs.getString("customer_id"), rs.getString("customer_name"),
        rs.getString("customer_email"), Customer.Language.ofCode(rs.getString("customer_language")));
    return new Order(rs.getString("id"), customer,
        Order.ProductType.valueOf(rs.getString("product_type")), rs.getString("description"),
        rs.getLong("amount"), rs.getString("currency"), DbTimes.fromDb(rs, "ordered_at"),
        rs.getObject("service_date", LocalDate.class),
        Order.ServiceStatus.valueOf(rs.getString("service_status")));
  }
}
