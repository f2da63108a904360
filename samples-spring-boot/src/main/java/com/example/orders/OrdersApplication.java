package com.example.orders;

import com.example.orders.late.Refunds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code curl localhost:8080/orders/7} logs at DEBUG and INFO; {@code curl localhost:8080/refunds/7} loads
 * {@link Refunds} on its first call, whose {@code static final Logger} logs at once.
 *
 * <pre>
 * java -jar target/orders.jar &amp;
 * userevents enable --follow 'com.example.*' DEBUG &amp;   # or: userevents tail 'com.example.*' DEBUG
 * userevents enable --follow 'org.springframework.*' INFO &amp;
 * curl localhost:8080/orders/7; curl localhost:8080/refunds/7
 * </pre>
 */
@SpringBootApplication
@RestController
public class OrdersApplication {
    private static final Logger log = LoggerFactory.getLogger(OrdersApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }

    @GetMapping("/orders/{id}")
    public String order(@PathVariable int id) {
        log.debug("looking up order {}", id);
        log.info("order {} served", id);
        return "order " + id + "\n";
    }

    @GetMapping("/refunds/{id}")
    public String refund(@PathVariable int id) {
        return Refunds.refund(id);
    }
}
