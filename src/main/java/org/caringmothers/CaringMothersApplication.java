package org.caringmothers;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaringMothersApplication {

	public static void main(String[] args) {
		SpringApplication.run(CaringMothersApplication.class, args);
	}

}
