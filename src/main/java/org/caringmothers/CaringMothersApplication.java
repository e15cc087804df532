package org.caringmothers;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CaringMothersApplication {

	static {
		// The programme runs in China: "today", month ends and displayed times are
		// Beijing time.
		TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
	}

	public static void main(String[] args) {
		SpringApplication.run(CaringMothersApplication.class, args);
	}

}
