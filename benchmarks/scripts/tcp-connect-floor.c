/*
 * Kernel floor for the health-check benchmark: the same TCP connections as the checker opens
 * (one per endpoint per round, SO_LINGER 0, 1 % refused), from a bare C loop with blocking connects.
 * Its CPU is what the kernel charges for the handshakes themselves; anything the Java checker costs
 * above it is the checker's own.
 *
 * Usage: tcp-connect-floor ADDRESSES PORTS FIRST_PORT ROUNDS ROUND_MS
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_s(double *user, double *sys) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *user = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
    *sys = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    return *user + *sys;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: %s ADDRESSES PORTS FIRST_PORT ROUNDS ROUND_MS\n", argv[0]);
        return 2;
    }
    int addresses = atoi(argv[1]), ports = atoi(argv[2]), first_port = atoi(argv[3]);
    int rounds = atoi(argv[4]), round_ms = atoi(argv[5]);
    struct linger abortive = {1, 0};
    long ok = 0, failed = 0;
    double u0, s0, u1, s1;
    cpu_s(&u0, &s0);
    double start = now_s();
    for (int r = 0; r < rounds; r++) {
        int endpoints = addresses * ports;
        for (int i = 0; i < endpoints; i++) {
            int a = i / ports, p = i % ports;
            struct sockaddr_in to = {0};
            char text[32];
            snprintf(text, sizeof text, "127.77.%d.%d", a / 250, a % 250 + 1);
            to.sin_family = AF_INET;
            to.sin_port = htons(first_port + p);
            inet_pton(AF_INET, text, &to.sin_addr);
            int fd = socket(AF_INET, SOCK_STREAM, 0);
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
            if (connect(fd, (struct sockaddr *) &to, sizeof to) == 0) ok++; else failed++;
            close(fd);
            /* Pace like the checker: spread each round's connections over the round. */
            double due = start + r * round_ms / 1e3 + (double) (i + 1) * round_ms / 1e3 / endpoints;
            double wait = due - now_s();
            if (wait > 0.0005) usleep((useconds_t) (wait * 1e6));
        }
    }
    double wall = now_s() - start;
    cpu_s(&u1, &s1);
    double cpu = (u1 - u0) + (s1 - s0);
    printf("floor connects/s     %.0f (%ld ok, %ld refused)\n", (ok + failed) / wall, ok, failed);
    printf("floor CPU            %.2f %% of one core (user %.2f %%, system %.2f %%)\n",
           100 * cpu / wall, 100 * (u1 - u0) / wall, 100 * (s1 - s0) / wall);
    printf("floor CPU per conn   %.1f us\n", cpu * 1e6 / (ok + failed));
    double wanted = addresses * ports * 1000.0 / round_ms;
    printf("floor at %.0f conn/s %.1f %% of one core (per-connection cost x full rate)\n",
           wanted, cpu * 1e6 / (ok + failed) * wanted / 1e4);
    return 0;
}
