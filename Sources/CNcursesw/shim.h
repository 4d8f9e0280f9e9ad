#ifndef CACHESCOPE_CNCURSESW_SHIM_H
#define CACHESCOPE_CNCURSESW_SHIM_H

/*
 * The C surface of cachescope: ncursesw plus small wrappers for what Swift cannot import.
 *
 * SwiftPM drops pkg-config's -D flags, so the wide-character API (get_wch, mvadd_wch,
 * setcchar, cchar_t) has to be switched on here, before the include.
 * Function-like macros (getmaxyx, COLOR_PAIR, A_* built with NCURSES_BITS) and the
 * C globals (stdscr, COLORS, COLOR_PAIRS, curscr) are reached through the static inline
 * functions below: Swift imports none of the macros, and the globals are not
 * concurrency-safe in Swift 6. Only NcursesBackend's terminal thread calls any of this.
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

/* ---- Attributes (never copy their values by hand: NCURSES_BITS shifts by 8) ---- */
static inline attr_t cs_attr_normal(void) { return A_NORMAL; }
static inline attr_t cs_attr_bold(void) { return A_BOLD; }
static inline attr_t cs_attr_dim(void) { return A_DIM; }
static inline attr_t cs_attr_italic(void) { return A_ITALIC; }
static inline attr_t cs_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cs_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cs_attr_blink(void) { return A_BLINK; }
static inline attr_t cs_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }

/* ---- Globals, read on the terminal thread only ---- */
static inline WINDOW *cs_stdscr(void) { return stdscr; }
static inline int cs_lines(void) { return LINES; }
static inline int cs_cols(void) { return COLS; }
static inline int cs_colors(void) { return COLORS; }
static inline int cs_color_pairs(void) { return COLOR_PAIRS; }

/* getmaxyx on stdscr, as a function. */
static inline void cs_screen_size(int *rows, int *cols) {
    int y, x;
    getmaxyx(stdscr, y, x);
    *rows = y;
    *cols = x;
}

/* Forces the next refresh to repaint every cell (after a resize or a colour-pair reset). */
static inline int cs_clear_on_next_refresh(void) { return clearok(curscr, TRUE); }

/* The size the kernel reports for the terminal on fd (ioctl is variadic: Swift cannot call it). */
static inline int cs_terminal_size(int fd, int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

/* ---- Wide characters ---- */
static inline int cs_ccharw_max(void) { return CCHARW_MAX; }

/*
 * Fills *cc with the null-terminated wide string wch (one spacing character and up to
 * CCHARW_MAX - 1 combining marks), attributes and an extended colour pair (setcchar's
 * opts argument carries pairs above 32767).
 */
static inline int cs_setcchar(cchar_t *cc, const wchar_t *wch, attr_t attrs, int pair) {
    int extended = pair;
    return setcchar(cc, wch, attrs, (short)(pair > 32767 ? 0 : pair), &extended);
}

/* Columns the C library (and so ncurses) gives a character; wcwidth needs _XOPEN_SOURCE. */
extern int wcwidth(wchar_t);
static inline int cs_wcwidth(wchar_t c) { return wcwidth(c); }

/* ---- Keys returned by get_wch with KEY_CODE_YES ---- */
static inline int cs_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cs_key_down(void) { return KEY_DOWN; }
static inline int cs_key_up(void) { return KEY_UP; }
static inline int cs_key_left(void) { return KEY_LEFT; }
static inline int cs_key_right(void) { return KEY_RIGHT; }
static inline int cs_key_home(void) { return KEY_HOME; }
static inline int cs_key_end(void) { return KEY_END; }
static inline int cs_key_backspace(void) { return KEY_BACKSPACE; }
static inline int cs_key_f0(void) { return KEY_F0; }
static inline int cs_key_dc(void) { return KEY_DC; }
static inline int cs_key_ic(void) { return KEY_IC; }
static inline int cs_key_npage(void) { return KEY_NPAGE; }
static inline int cs_key_ppage(void) { return KEY_PPAGE; }
static inline int cs_key_enter(void) { return KEY_ENTER; }
static inline int cs_key_btab(void) { return KEY_BTAB; }
static inline int cs_key_resize(void) { return KEY_RESIZE; }
static inline int cs_key_a1(void) { return KEY_A1; }
static inline int cs_key_c1(void) { return KEY_C1; }
static inline int cs_key_a3(void) { return KEY_A3; }
static inline int cs_key_c3(void) { return KEY_C3; }

/* ---- Locale ---- */
/* Whether the current LC_CTYPE encodes UTF-8 (call after setlocale(LC_ALL, "")). */
static inline int cs_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
