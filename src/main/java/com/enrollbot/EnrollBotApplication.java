package com.enrollbot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EnrollBotApplication {
    public static void main(String[] args) {
        SpringApplication.run(EnrollBotApplication.class, args);
    }
}
