// Debian's libqrencode-dev: QR codes for the otpauth:// URI of an authenticator app; installed by scripts/setup.sh.
#include <qrencode.h>
