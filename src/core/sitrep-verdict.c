/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sitrep-verdict.c: counts voices, independent outlets and confirmations among an event's claims. */
#define G_LOG_DOMAIN "sitrep-verdict"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sitrep-verdict.h"

/* Case-folded, NFKC, white space collapsed and trimmed; NULL or blank gives "". */
static char *
normalise_name (const char *s)
{
  g_autofree char *folded = NULL;
  g_autofree char *norm = NULL;
  GString *out;
  gboolean space = FALSE;

  if (s == NULL || !g_utf8_validate (s, -1, NULL))
    return g_strdup ("");
  folded = g_utf8_casefold (s, -1);
  norm = g_utf8_normalize (folded, -1, G_NORMALIZE_NFKC);
  if (norm == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = norm; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_named (SitrepClaim *claim)
{
  if (claim->attributed_to == NULL)
    return FALSE;
  for (const char *p = claim->attributed_to; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
sitrep_figures_conflict (const SitrepFigure *a,
                         const SitrepFigure *b)
{
  gint64 a_low, a_high, b_low, b_high;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (a->kind != b->kind)
    return FALSE;
  a_low = a->low >= 0 ? MIN (a->low, a->value) : a->value;
  a_high = a->high >= 0 ? MAX (a->high, a->value) : a->value;
  b_low = b->low >= 0 ? MIN (b->low, b->value) : b->value;
  b_high = b->high >= 0 ? MAX (b->high, b->value) : b->value;

  /* Neither value inside the other's range. */
  return !(a->value >= b_low && a->value <= b_high)
         && !(b->value >= a_low && b->value <= a_high);
}

gboolean
sitrep_event_figures_conflict (SitrepEvent *event)
{
  g_return_val_if_fail (SITREP_IS_EVENT (event), FALSE);

  if (event->figures == NULL)
    return FALSE;
  for (guint i = 0; i < event->figures->len; i++)
    for (guint j = i + 1; j < event->figures->len; j++)
      if (sitrep_figures_conflict (&g_array_index (event->figures, SitrepFigure, i),
                                   &g_array_index (event->figures, SitrepFigure, j)))
        return TRUE;
  return FALSE;
}

/* Kuhn's augmenting path: can outlet o be matched, possibly by re-matching others? */
static gboolean
augment (GPtrArray *outlet_voices,  /* of GArray of guint, per outlet */
         guint      o,
         int       *voice_owner,    /* per voice: the outlet matched to it, or -1 */
         gboolean  *seen)           /* per voice */
{
  GArray *voices = g_ptr_array_index (outlet_voices, o);

  for (guint i = 0; i < voices->len; i++)
    {
      guint v = g_array_index (voices, guint, i);

      if (seen[v])
        continue;
      seen[v] = TRUE;
      if (voice_owner[v] < 0
          || augment (outlet_voices, (guint) voice_owner[v], voice_owner, seen))
        {
          voice_owner[v] = (int) o;
          return TRUE;
        }
    }
  return FALSE;
}

static void
add_unique (GArray *array,
            guint   value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, guint, i) == value)
      return;
  g_array_append_val (array, value);
}

/* figure_group: per figure, the event it came from (figures only repeat a voice within
 * one event), or NULL for one event; disputed: from the events' flags and figures. */
static void
compute (SitrepEvent   *event,
         const int     *figure_group,
         gboolean       disputed,
         SitrepVerdict *out)
{
  guint n_claims, n_supporting = 0;
  gboolean any_disputed_claim = FALSE;
  gboolean any_strong = FALSE;
  g_autoptr(GHashTable) voice_ids = NULL;     /* key -> voice index + 1 */
  g_autoptr(GHashTable) outlet_ids = NULL;    /* normalised outlet -> outlet index + 1 */
  g_autoptr(GPtrArray) outlet_voices = NULL;  /* of GArray of guint */
  g_autoptr(GArray) figure_voice = NULL;      /* per event figure: voice index, or -1 */
  g_autoptr(GArray) official_voices = NULL;
  g_autofree int *claim_voice = NULL;
  guint n_voices = 0;

  memset (out, 0, sizeof *out);
  n_claims = event->claims != NULL ? event->claims->len : 0;
  out->n_claims = n_claims;
  out->disputed = disputed;
  if (n_claims == 0)
    return;

  for (guint i = 0; i < n_claims; i++)
    {
      SitrepClaim *claim = g_ptr_array_index (event->claims, i);

      if (claim->hedging == SITREP_HEDGING_DISPUTED)
        any_disputed_claim = TRUE;
      else
        n_supporting++;
      if (claim->hedging == SITREP_HEDGING_HEDGED)
        out->n_hedged++;
      if (claim->hedging < SITREP_HEDGING_HEDGED)
        any_strong = TRUE;
    }
  out->all_hedged = !any_strong;
  out->disputed = out->disputed || any_disputed_claim;

  voice_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  outlet_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  outlet_voices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  official_voices = g_array_new (FALSE, FALSE, sizeof (guint));
  claim_voice = g_new (int, n_claims);
  figure_voice = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint f = 0; event->figures != NULL && f < event->figures->len; f++)
    {
      int none = -1;
      g_array_append_val (figure_voice, none);
    }

  /* Named claims first, so that an unnamed claim repeating a named speaker's figure is
   * credited to that speaker whatever the order of the claims. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_claims; i++)
      {
        SitrepClaim *claim = g_ptr_array_index (event->claims, i);
        gboolean named = is_named (claim);
        int voice = -1;

        if ((pass == 0) != named)
          continue;
        if (n_supporting > 0 && claim->hedging == SITREP_HEDGING_DISPUTED)
          {
            claim_voice[i] = -1;
            continue;
          }

        if (!named)
          {
            /* A figure already carried by a voice: that voice repeated. */
            for (guint f = 0; voice < 0 && event->figures != NULL && f < event->figures->len; f++)
              {
                SitrepFigure *mine = &g_array_index (event->figures, SitrepFigure, f);

                if (mine->claim_index != (int) i)
                  continue;
                for (guint g = 0; g < event->figures->len; g++)
                  {
                    SitrepFigure *other = &g_array_index (event->figures, SitrepFigure, g);
                    int other_voice = g_array_index (figure_voice, int, g);

                    if (figure_group != NULL && figure_group[g] != figure_group[f])
                      continue;
                    if (g != f && other_voice >= 0 && other->kind == mine->kind
                        && other->value == mine->value)
                      {
                        voice = other_voice;
                        break;
                      }
                  }
              }
          }

        if (voice < 0)
          {
            g_autofree char *key = NULL;
            gpointer found;

            if (named)
              {
                g_autofree char *who = normalise_name (claim->attributed_to);
                key = g_strconcat ("speaker\x1f", who, NULL);
              }
            else
              {
                g_autofree char *outlet = normalise_name (claim->outlet);
                key = g_strconcat ("outlet\x1f", outlet, "\x1f",
                                   sitrep_source_kind_to_string (claim->source_kind), NULL);
              }
            found = g_hash_table_lookup (voice_ids, key);
            if (found != NULL)
              voice = GPOINTER_TO_INT (found) - 1;
            else
              {
                voice = (int) n_voices++;
                g_hash_table_insert (voice_ids, g_steal_pointer (&key),
                                     GINT_TO_POINTER (voice + 1));
              }
          }
        claim_voice[i] = voice;

        for (guint f = 0; event->figures != NULL && f < event->figures->len; f++)
          if (g_array_index (event->figures, SitrepFigure, f).claim_index == (int) i)
            g_array_index (figure_voice, int, f) = voice;

        if ((claim->source_kind == SITREP_SOURCE_OFFICIAL
             || claim->source_kind == SITREP_SOURCE_MILITARY)
            && claim->hedging <= SITREP_HEDGING_ATTRIBUTED)
          add_unique (official_voices, (guint) voice);

        /* The outlet carries this voice. */
        {
          g_autofree char *outlet = normalise_name (claim->outlet);
          gpointer found = g_hash_table_lookup (outlet_ids, outlet);
          guint o;

          if (found != NULL)
            o = GPOINTER_TO_UINT (found) - 1;
          else
            {
              o = outlet_voices->len;
              g_ptr_array_add (outlet_voices, g_array_new (FALSE, FALSE, sizeof (guint)));
              g_hash_table_insert (outlet_ids, g_steal_pointer (&outlet),
                                   GUINT_TO_POINTER (o + 1));
            }
          add_unique (g_ptr_array_index (outlet_voices, o), (guint) voice);
        }
      }

  out->n_voices = n_voices;
  out->single_voice = n_voices == 1;
  out->n_official = official_voices->len;
  out->n_outlets_total = outlet_voices->len;

  {
    g_autofree int *voice_owner = g_new (int, n_voices);
    g_autofree gboolean *seen = g_new (gboolean, n_voices);

    for (guint v = 0; v < n_voices; v++)
      voice_owner[v] = -1;
    for (guint o = 0; o < outlet_voices->len; o++)
      {
        memset (seen, 0, sizeof (gboolean) * n_voices);
        if (augment (outlet_voices, o, voice_owner, seen))
          out->n_outlets++;
      }
  }
}

void
sitrep_verdict_compute (SitrepEvent   *event,
                        SitrepVerdict *out)
{
  g_return_if_fail (SITREP_IS_EVENT (event));
  g_return_if_fail (out != NULL);

  compute (event, NULL, event->disputed || sitrep_event_figures_conflict (event), out);
}

void
sitrep_verdict_compute_many (GPtrArray     *events,
                             SitrepVerdict *out)
{
  g_autoptr(SitrepEvent) all = NULL;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean disputed = FALSE;

  g_return_if_fail (events != NULL);
  g_return_if_fail (out != NULL);

  /* One event holding every claim and figure (figures' claim indices shifted). */
  all = sitrep_event_new ();
  for (guint e = 0; e < events->len; e++)
    {
      SitrepEvent *event = g_ptr_array_index (events, e);
      guint offset = all->claims->len;

      g_return_if_fail (SITREP_IS_EVENT (event));
      /* Different events have different figures: only an event's own may conflict. */
      disputed = disputed || event->disputed || sitrep_event_figures_conflict (event);
      for (guint i = 0; event->claims != NULL && i < event->claims->len; i++)
        g_ptr_array_add (all->claims, g_object_ref (g_ptr_array_index (event->claims, i)));
      for (guint f = 0; event->figures != NULL && f < event->figures->len; f++)
        {
          SitrepFigure figure = g_array_index (event->figures, SitrepFigure, f);
          int group = (int) e;

          figure.qualifier = g_strdup (figure.qualifier);
          if (figure.claim_index >= 0)
            figure.claim_index += (int) offset;
          g_array_append_val (all->figures, figure);
          g_array_append_val (groups, group);
        }
    }
  compute (all, (const int *) groups->data, disputed, out);
}

char *
sitrep_verdict_format (const SitrepVerdict *verdict)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (verdict != NULL, NULL);

  if (verdict->n_claims == 0)
    g_ptr_array_add (parts, g_strdup (_("No sources")));
  else if (verdict->n_outlets_total <= 1)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u source", "%u sources",
                                                       verdict->n_voices),
                                             verdict->n_voices));
  else if (verdict->n_outlets == verdict->n_outlets_total)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u independent outlet",
                                                       "%u independent outlets",
                                                       verdict->n_outlets),
                                             verdict->n_outlets));
  else
    {
      g_autofree char *outlets = g_strdup_printf (ngettext ("%u outlet", "%u outlets",
                                                            verdict->n_outlets_total),
                                                  verdict->n_outlets_total);
      if (verdict->n_voices < verdict->n_outlets_total)
        {
          g_autofree char *voices = g_strdup_printf (ngettext ("%u voice", "%u voices",
                                                               verdict->n_voices),
                                                     verdict->n_voices);
          /* TRANSLATORS: "2 outlets, 1 voice": several outlets repeating fewer sources */
          g_ptr_array_add (parts, g_strdup_printf (_("%s, %s"), outlets, voices));
        }
      else
        {
          g_autofree char *independent =
            g_strdup_printf (ngettext ("%u independent", "%u independent",
                                       verdict->n_outlets),
                             verdict->n_outlets);
          /* TRANSLATORS: "3 outlets, 2 independent" */
          g_ptr_array_add (parts, g_strdup_printf (_("%s, %s"), outlets, independent));
        }
    }

  if (verdict->n_official > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u official confirmation",
                                                       "%u official confirmations",
                                                       verdict->n_official),
                                             verdict->n_official));

  if (verdict->n_claims > 0 && verdict->all_hedged)
    /* TRANSLATORS: part of the verdict line: no claim is stronger than hedged */
    g_ptr_array_add (parts, g_strdup (C_("verdict", "hedged")));
  else if (verdict->n_hedged > 0)
    /* TRANSLATORS: part of the verdict line, "3 sources · 1 hedged" */
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u hedged", "%u hedged",
                                                       verdict->n_hedged),
                                             verdict->n_hedged));

  if (verdict->disputed)
    /* TRANSLATORS: part of the verdict line: a claim or a figure contradicts the event */
    g_ptr_array_add (parts, g_strdup (C_("verdict", "disputed")));

  g_ptr_array_add (parts, NULL);
  /* TRANSLATORS: the separator between the parts of the verdict line */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

const char *
sitrep_verdict_strength (const SitrepVerdict *verdict)
{
  g_return_val_if_fail (verdict != NULL, "weak");

  if (verdict->n_claims == 0 || verdict->single_voice || verdict->all_hedged
      || verdict->disputed)
    return "weak";
  /* Not weak: at least two voices and an unhedged claim. Strong only when none is hedged. */
  if (verdict->n_voices >= 2 && verdict->n_hedged == 0)
    return "strong";
  return "mixed";
}
