using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Inngest.Generators.Rules;

/// <summary>The convention problems a name can have (INNG004). Several can apply at once.</summary>
[Flags]
internal enum NamingProblems
{
    /// <summary>The name follows the convention.</summary>
    None = 0,

    /// <summary>The name contains an ASCII uppercase letter.</summary>
    Uppercase = 1 << 0,

    /// <summary>The name contains whitespace.</summary>
    Whitespace = 1 << 1,

    /// <summary>The name contains a character outside <c>[a-z0-9._/-]</c> that is neither uppercase nor whitespace.</summary>
    InvalidCharacter = 1 << 2,

    /// <summary>The name starts with one of the separators <c>. / _ -</c>.</summary>
    LeadingSeparator = 1 << 3,

    /// <summary>The name ends with one of the separators <c>. / _ -</c>.</summary>
    TrailingSeparator = 1 << 4,

    /// <summary>Two separators follow each other, such as <c>..</c> or <c>/.</c>.</summary>
    DoubledSeparator = 1 << 5,

    /// <summary>The name has more than one <c>/</c>: only a single <c>prefix/</c> is conventional.</summary>
    MultiplePrefixes = 1 << 6,

    /// <summary>The part after the optional <c>prefix/</c> has no <c>.</c> between object and action.</summary>
    MissingDot = 1 << 7,
}

/// <summary>
/// Inngest's event naming convention, as pure functions: lowercase dot notation (<c>object.action</c>, such as
/// <c>account.created</c>) with an optional single <c>prefix/</c> (such as <c>app/</c>), built from
/// <c>[a-z0-9]</c>, with <c>_</c> or <c>-</c> joining the words of a multi-word object or action
/// (<c>app/blog_post.published</c>). The server accepts other names; the analyzer only warns (INNG004).
/// </summary>
internal static class NamingConvention
{
    /// <summary>A conventional name to show when a name gives nothing to build a suggestion from.</summary>
    public const string ExampleName = "app/account.created";

    /// <summary>Returns every convention problem <paramref name="name"/> has; <see cref="NamingProblems.None"/> for null or empty names (those are <c>EventNameRules</c>' business).</summary>
    public static NamingProblems Check(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return NamingProblems.None;
        }

        var problems = NamingProblems.None;
        var slashes = 0;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c >= 'A' && c <= 'Z')
            {
                problems |= NamingProblems.Uppercase;
            }
            else if (char.IsWhiteSpace(c))
            {
                problems |= NamingProblems.Whitespace;
            }
            else if (!IsConventionalCharacter(c))
            {
                problems |= NamingProblems.InvalidCharacter;
            }

            if (c == '/')
            {
                slashes++;
            }

            if (i > 0 && IsSeparator(c) && IsSeparator(name[i - 1]))
            {
                problems |= NamingProblems.DoubledSeparator;
            }
        }

        if (IsSeparator(name[0]))
        {
            problems |= NamingProblems.LeadingSeparator;
        }

        if (IsSeparator(name[name.Length - 1]))
        {
            problems |= NamingProblems.TrailingSeparator;
        }

        if (slashes > 1)
        {
            problems |= NamingProblems.MultiplePrefixes;
        }

        var slash = name.IndexOf('/');
        if (name.IndexOf('.', slash + 1) < 0)
        {
            problems |= NamingProblems.MissingDot;
        }

        return problems;
    }

    /// <summary>
    /// Says what is wrong with <paramref name="name"/> as a predicate that completes "The event name "..." ",
    /// such as <c>contains uppercase letters and has no '.' between object and action</c>.
    /// </summary>
    public static string Describe(NamingProblems problems, string name)
    {
        var parts = new List<string>();
        if ((problems & NamingProblems.Uppercase) != 0)
        {
            parts.Add("contains uppercase letters");
        }

        if ((problems & NamingProblems.Whitespace) != 0)
        {
            parts.Add("contains whitespace");
        }

        if ((problems & NamingProblems.InvalidCharacter) != 0)
        {
            parts.Add("contains " + DescribeInvalidCharacters(name) + " outside [a-z0-9._/-]");
        }

        if ((problems & NamingProblems.LeadingSeparator) != 0)
        {
            parts.Add("starts with a separator");
        }

        if ((problems & NamingProblems.TrailingSeparator) != 0)
        {
            parts.Add("ends with a separator");
        }

        if ((problems & NamingProblems.DoubledSeparator) != 0)
        {
            parts.Add("has two separators in a row");
        }

        if ((problems & NamingProblems.MultiplePrefixes) != 0)
        {
            parts.Add("has more than one '/' (only a single prefix/ is conventional)");
        }

        if ((problems & NamingProblems.MissingDot) != 0)
        {
            parts.Add("has no '.' between object and action");
        }

        return parts.Count switch
        {
            0 => "follows the naming convention",
            1 => parts[0],
            _ => string.Join(", ", parts.GetRange(0, parts.Count - 1)) + " and " + parts[parts.Count - 1],
        };
    }

    /// <summary>
    /// The conventional name closest to <paramref name="name"/>, or null when there is none (the name has no
    /// ASCII letters or digits, is a single word that gives no <c>object.action</c> split, or the result would
    /// break a server rule such as the reserved <c>inngest/</c> prefix).
    /// </summary>
    /// <remarks>
    /// Accents are stripped, letters lowercased, whitespace, case changes and other characters become <c>_</c>
    /// word breaks (an existing <c>_</c> or <c>-</c> is kept), empty segments are dropped, a second or later
    /// <c>/</c> becomes <c>.</c>. When the part after the prefix has no <c>.</c>, the break before its last
    /// word becomes the <c>.</c>: <c>AccountCreated</c>, <c>account created</c> and <c>account_created</c>
    /// all give <c>account.created</c>, <c>BlogPostPublished</c> gives <c>blog_post.published</c>.
    /// A conventional name is returned unchanged.
    /// </remarks>
    public static string? Suggest(string? name)
    {
        var candidate = Normalize(name);
        return candidate is not null
            && Check(candidate) == NamingProblems.None
            && Inngest.Internal.EventNameRules.Check(candidate) == Inngest.Internal.EventNameRules.Violation.None
            ? candidate
            : null;
    }

    /// <summary>True when <paramref name="version"/> has the form <c>YYYY-MM-DD.N</c> with a real date and a counter of one or more digits.</summary>
    public static bool IsConventionalVersion(string? version)
    {
        if (version is null || version.Length < 12 || version[4] != '-' || version[7] != '-' || version[10] != '.')
        {
            return false;
        }

        for (var i = 11; i < version.Length; i++)
        {
            if (version[i] < '0' || version[i] > '9')
            {
                return false;
            }
        }

        for (var i = 0; i < 10; i++)
        {
            if (i != 4 && i != 7 && (version[i] < '0' || version[i] > '9'))
            {
                return false;
            }
        }

        return DateTime.TryParseExact(version.Substring(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static bool IsSeparator(char c) => c is '.' or '/' or '_' or '-';

    private static bool IsConventionalCharacter(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || IsSeparator(c);

    private static bool IsWordCharacter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

    private static string DescribeInvalidCharacters(string name)
    {
        var seen = new List<string>();
        var more = false;
        foreach (var c in name)
        {
            if ((c >= 'A' && c <= 'Z') || char.IsWhiteSpace(c) || IsConventionalCharacter(c))
            {
                continue;
            }

            var shown = char.IsControl(c) || char.IsSurrogate(c)
                ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
                : "'" + c + "'";
            if (seen.Contains(shown))
            {
                continue;
            }

            if (seen.Count == 3)
            {
                more = true;
                break;
            }

            seen.Add(shown);
        }

        var list = more
            ? string.Join(", ", seen) + " and others"
            : seen.Count == 1 ? seen[0] : string.Join(", ", seen.GetRange(0, seen.Count - 1)) + " and " + seen[seen.Count - 1];
        return (seen.Count == 1 ? "the character " : "the characters ") + list;
    }

    private static string? Normalize(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var plain = StripAccents(name);
        var parts = new List<string>();
        foreach (var part in plain.Split('/'))
        {
            if (HasWordCharacter(part))
            {
                parts.Add(part);
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        string? prefix = null;
        var rest = parts;
        if (parts.Count > 1)
        {
            prefix = NormalizeDotted(parts[0]);
            rest = parts.GetRange(1, parts.Count - 1);
        }

        // A second or later '/' becomes a '.': app/billing/invoice.paid -> app/billing.invoice.paid.
        var segments = new List<List<Word>>();
        foreach (var part in rest)
        {
            foreach (var segment in part.Split('.'))
            {
                var words = SplitWords(segment);
                if (words.Count > 0)
                {
                    segments.Add(words);
                }
            }
        }

        string body;
        if (segments.Count == 1 && segments[0].Count > 1)
        {
            // No dot: the break before the last word separates object from action.
            var words = segments[0];
            body = Join(words.GetRange(0, words.Count - 1)) + "." + words[words.Count - 1].Text;
        }
        else
        {
            var joined = new List<string>(segments.Count);
            foreach (var words in segments)
            {
                joined.Add(Join(words));
            }

            body = string.Join(".", joined);
        }

        return prefix is null ? body : prefix + "/" + body;
    }

    private static string NormalizeDotted(string part)
    {
        var joined = new List<string>();
        foreach (var segment in part.Split('.'))
        {
            var words = SplitWords(segment);
            if (words.Count > 0)
            {
                joined.Add(Join(words));
            }
        }

        return string.Join(".", joined);
    }

    private static bool HasWordCharacter(string text)
    {
        foreach (var c in text)
        {
            if (IsWordCharacter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static string StripAccents(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Join(List<Word> words)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(words[i].SeparatorBefore);
            }

            builder.Append(words[i].Text);
        }

        return builder.ToString();
    }

    /// <summary>Splits a dot-free segment into lowercase ASCII words at non-word characters and case changes.</summary>
    private static List<Word> SplitWords(string segment)
    {
        var words = new List<Word>();
        var current = new StringBuilder();
        var pendingSeparator = '_';
        var sawExplicitSeparator = false;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(new Word(current.ToString().ToLowerInvariant(), pendingSeparator));
                current.Clear();
                pendingSeparator = '_';
                sawExplicitSeparator = false;
            }
        }

        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (!IsWordCharacter(c))
            {
                Flush();
                if ((c == '_' || c == '-') && !sawExplicitSeparator)
                {
                    pendingSeparator = c;
                    sawExplicitSeparator = true;
                }

                continue;
            }

            if (current.Length > 0 && IsCaseBoundary(segment, i))
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;
    }

    /// <summary>A word starts at <paramref name="i"/>: aB, 2B, or the B of ABc.</summary>
    private static bool IsCaseBoundary(string text, int i)
    {
        var c = text[i];
        if (c < 'A' || c > 'Z')
        {
            return false;
        }

        var previous = text[i - 1];
        if ((previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9'))
        {
            return true;
        }

        return previous >= 'A' && previous <= 'Z' && i + 1 < text.Length && text[i + 1] >= 'a' && text[i + 1] <= 'z';
    }

    private readonly struct Word
    {
        public Word(string text, char separatorBefore)
        {
            Text = text;
            SeparatorBefore = separatorBefore;
        }

        public string Text { get; }

        public char SeparatorBefore { get; }
    }
}
