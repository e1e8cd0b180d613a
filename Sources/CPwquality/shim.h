// Debian's libpwquality-dev (cracklib's dictionary check and more, as used by pam_pwquality); installed by
// scripts/setup.sh together with cracklib-runtime, which builds the dictionary in /var/cache/cracklib.
#include <pwquality.h>
