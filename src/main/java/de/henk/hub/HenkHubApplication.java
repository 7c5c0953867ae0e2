package de.henk.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HenkHubApplication {
    public static void main(String[] args) {
        SpringApplication.run(HenkHubApplication.class, args);
    }
}
