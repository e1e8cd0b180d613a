// Debian's libpango1.0-dev and libcairo2-dev: PDF documents typeset by Pango (line breaking, shaping,
// font fallback) and written by cairo, so that no PDF syntax is hand-written; installed by scripts/setup.sh.
// The include paths (glib, harfbuzz, freetype) come from pkg-config's `pangocairo`.
#include <pango/pangocairo.h>
#include <cairo/cairo-pdf.h>
