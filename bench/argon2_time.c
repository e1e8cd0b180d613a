// Times one Argon2id hash at the gateway's parameters (m=19456 KiB, t=2, p=1) with Debian's libargon2,
// the same library the server links. Usage: argon2_time [rounds]
#include <argon2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 20;
    const char *password = "Demo-Sophie-2026!";
    unsigned char salt[16] = "0123456789abcdef";
    char encoded[128];
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (int i = 0; i < rounds; i++) {
        if (argon2id_hash_encoded(2, 19456, 1, password, strlen(password), salt, sizeof salt, 32, encoded, sizeof encoded) != ARGON2_OK) return 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double ms = ((end.tv_sec - start.tv_sec) * 1e3 + (end.tv_nsec - start.tv_nsec) / 1e6) / rounds;
    printf("%.1f\n", ms);
    return 0;
}
