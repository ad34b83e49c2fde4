/*
 * freeipmi_sel.c - decode a raw file of 16-byte IPMI SEL records with
 * FreeIPMI's libfreeipmi and print one line per record:
 *
 *     RECORD_ID_HEX <TAB> EVENT_TEXT
 *
 * Used as an independent oracle for sel-codec's event descriptions (see
 * compare.py and README.md in this directory).
 *
 * No SDR cache and no IPMI connection are used: the SEL context is created
 * with ipmi_sel_ctx_create (NULL, NULL), so sensor names are never known and
 * the text depends only on the 16 record bytes.
 *
 * EVENT_TEXT is ipmi_sel_parse_read_record_string() with format "%E" by
 * default (event data 1 offset text combined with the event data 2/3 text,
 * FreeIPMI's "Event" column in `ipmi-sel`).  Flags:
 *   IPMI_SEL_STRING_FLAGS_IGNORE_UNAVAILABLE_FIELD  - a field that does not
 *       apply prints as "" instead of failing;
 *   OUTPUT_NOT_AVAILABLE is NOT set, so no "N/A" placeholders are printed;
 *   VERBOSE, INTERPRET_OEM_DATA, LEGACY are NOT set.
 *
 * Usage: freeipmi_sel [-f FORMAT] [-s SEPARATOR] FILE
 *   -f FORMAT     FreeIPMI format string instead of "%E" (e.g. "%e", "%c",
 *                 "%T|%e|%c|%k")
 *   -s SEPARATOR  separator between combined parts (FreeIPMI default " ; ")
 *
 * A trailing partial record is reported on stderr and makes the exit status 1.
 * Tabs/newlines in the text are replaced by spaces so the output stays one
 * line per record.
 *
 * Build: gcc -O2 -Wall -o freeipmi_sel freeipmi_sel.c -lfreeipmi
 */
#define _POSIX_C_SOURCE 200809L /* getopt under -std=c99 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <unistd.h>
#include <freeipmi/freeipmi.h>

#define SEL_RECORD_LEN 16

int
main (int argc, char **argv)
{
  const char *fmt = "%E";
  const char *separator = NULL;
  const char *path;
  unsigned int flags = IPMI_SEL_STRING_FLAGS_IGNORE_UNAVAILABLE_FIELD;
  ipmi_sel_ctx_t ctx;
  FILE *fp;
  uint8_t rec[SEL_RECORD_LEN];
  char buf[4096];
  size_t n;
  int opt, status = 0;

  while ((opt = getopt (argc, argv, "f:s:")) != -1)
    {
      switch (opt)
        {
        case 'f': fmt = optarg; break;
        case 's': separator = optarg; break;
        default:
          fprintf (stderr, "usage: %s [-f FORMAT] [-s SEPARATOR] FILE\n", argv[0]);
          return 2;
        }
    }
  if (optind + 1 != argc)
    {
      fprintf (stderr, "usage: %s [-f FORMAT] [-s SEPARATOR] FILE\n", argv[0]);
      return 2;
    }
  path = argv[optind];

  if (!(fp = fopen (path, "rb")))
    {
      perror (path);
      return 1;
    }

  if (!(ctx = ipmi_sel_ctx_create (NULL, NULL)))
    {
      perror ("ipmi_sel_ctx_create");
      fclose (fp);
      return 1;
    }
  if (separator && ipmi_sel_ctx_set_separator (ctx, separator) < 0)
    {
      fprintf (stderr, "ipmi_sel_ctx_set_separator: %s\n", ipmi_sel_ctx_errormsg (ctx));
      status = 1;
      goto out;
    }

  while ((n = fread (rec, 1, SEL_RECORD_LEN, fp)) == SEL_RECORD_LEN)
    {
      uint16_t record_id = (uint16_t)(rec[0] | (rec[1] << 8));
      int len;
      char *p;

      memset (buf, 0, sizeof (buf));
      len = ipmi_sel_parse_read_record_string (ctx, fmt, rec, SEL_RECORD_LEN,
                                               buf, sizeof (buf), flags);
      if (len < 0)
        {
          /* Keep going: report the failure in-band so the caller can see it. */
          printf ("%04X\t<error: %s>\n", record_id, ipmi_sel_ctx_errormsg (ctx));
          continue;
        }
      if ((size_t)len >= sizeof (buf))
        buf[sizeof (buf) - 1] = '\0';
      for (p = buf; *p; p++)
        if (*p == '\t' || *p == '\n' || *p == '\r')
          *p = ' ';
      printf ("%04X\t%s\n", record_id, buf);
    }
  if (ferror (fp))
    {
      perror (path);
      status = 1;
    }
  else if (n != 0)
    {
      fprintf (stderr, "%s: trailing partial record of %zu bytes ignored\n", path, n);
      status = 1;
    }

 out:
  ipmi_sel_ctx_destroy (ctx);
  fclose (fp);
  return status;
}
