package io.ballast.app.lab.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * {@code LabTraffic URL RATE}: the lab's traffic generator as a process of its own. Prints one JSON
 * line per second ({@link TrafficSecond}); reads "rate N" lines on stdin to change the rate.
 */
public final class LabTraffic {

    private LabTraffic() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: LabTraffic URL RATE_PER_SECOND");
            System.exit(2);
        }
        // A new connection per request, so the balancer schedules each one.
        System.setProperty("http.keepAlive", "false");
        ParentWatch.exitWhenParentDies();
        ObjectMapper json = new ObjectMapper();
        TrafficGenerator generator = new TrafficGenerator(URI.create(args[0]), Integer.parseInt(args[1]), second -> {
            try {
                System.out.println(json.writeValueAsString(second));
                System.out.flush();
            } catch (JsonProcessingException e) {
                System.err.println("lab traffic: cannot report: " + e.getMessage());
            }
        });
        generator.start();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = commands.readLine()) != null) {
            if (line.startsWith("rate ")) {
                generator.setRate(Integer.parseInt(line.substring(5).strip()));
            }
        }
        // stdin closed: the lab is gone or wants us to stop.
        generator.close();
        System.exit(0);
    }
}
