package org.caringmothers.demo;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds province-scale records at start-up when the application is started with
 * {@code --scale-data=<children>,<mothers>,<contacts>} (for {@code bench/run.sh}), after
 * the federation tree and the demo data; the application then runs as usual.
 */
@Component
@Order(40)
@RequiredArgsConstructor
class ScaleDataRunner implements ApplicationRunner {

	private final ProvinceScaleData data;

	@Override
	public void run(ApplicationArguments args) {
		List<String> values = args.getOptionValues("scale-data");
		if (values == null || values.isEmpty()) {
			return;
		}
		String[] numbers = values.get(0).split(",");
		if (numbers.length != 3) {
			throw new IllegalArgumentException("--scale-data=<children>,<mothers>,<contacts>");
		}
		this.data.generate(Integer.parseInt(numbers[0].trim()), Integer.parseInt(numbers[1].trim()),
				Integer.parseInt(numbers[2].trim()));
	}

}
