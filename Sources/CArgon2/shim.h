// Debian's libargon2-dev (the reference implementation of RFC 9106); installed by scripts/setup.sh.
#include <argon2.h>
