using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Inngest;

/// <summary>
/// Makes text that did not come from this library safe to put into messages, logs and spans: server error bodies,
/// the messages of exceptions the HTTP stack threw. It replaces the event key (as written and URL-escaped, in any
/// letter case) with <c>***</c>, turns control characters (CR, LF, tabs, escapes) into spaces so the text cannot
/// forge log lines, and cuts it to <see cref="InngestSendException.MaxServerTextLength"/> characters with a marker.
/// </summary>
internal sealed class Redactor
{
    public const string Mask = "***";

    /// <summary>The key as written and as URLs show it, longest first so a longer form is not half-replaced by a shorter one.</summary>
    private readonly string[] _forms = Array.Empty<string>();

    public Redactor(string? eventKey, Uri? eventUrl = null)
    {
        // The dev placeholder is no secret, and redacting it would only garble the dev server's messages.
        if (string.IsNullOrEmpty(eventKey) || eventKey == InngestSettings.NoEventKeySet)
        {
            return;
        }

        // Uri.EscapeDataString's form is what goes on the wire (and into .NET's "invalid status line" echo);
        // Uri.ToString() and AbsoluteUri show the path differently escaped (a space unescaped, for one).
        var forms = new List<string> { eventKey, Uri.EscapeDataString(eventKey) };
        if (eventUrl is not null)
        {
            forms.Add(KeyPart(eventUrl.ToString()));
            forms.Add(KeyPart(eventUrl.AbsoluteUri));
        }

        forms.RemoveAll(string.IsNullOrEmpty);
        forms.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        _forms = forms.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    /// <summary>Whether <paramref name="text"/> holds the key in any form this redactor replaces.</summary>
    public bool Holds(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var form in _forms)
        {
            if (text.Contains(form, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string KeyPart(string url)
    {
        var at = url.LastIndexOf("/e/", StringComparison.Ordinal);
        return at < 0 ? string.Empty : url[(at + 3)..];
    }

    /// <summary>The text without the key and control characters; cut to the limit unless <paramref name="bounded"/> is false.</summary>
    public string? Clean(string? text, bool bounded = true)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var form in _forms)
        {
            text = text.Replace(form, Mask, StringComparison.OrdinalIgnoreCase);
        }

        return bounded ? Bound(SingleLine(text)) : StripControls(text);
    }

    /// <summary>The exception itself when nothing in its <see cref="Exception.ToString"/> holds the key, else a redacted stand-in.</summary>
    public Exception Redact(Exception exception)
    {
        string text;
        try
        {
            text = exception.ToString();
        }
        catch (Exception)
        {
            // An override of ToString that throws: keep nothing of it but its type.
            return RedactedException.From(new InvalidOperationException(exception.GetType().FullName), this);
        }

        return Holds(text) || (exception is AggregateException && Holds(exception.Message)) ? RedactedException.From(exception, this) : exception;
    }

    private static string SingleLine(string text)
    {
        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length && !char.IsControl(span[i]))
        {
            i++;
        }

        if (i == span.Length)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>Stack traces keep their line breaks; other control characters become spaces.</summary>
    private static string StripControls(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) && c is not '\r' and not '\n' ? ' ' : c);
        }

        return builder.ToString();
    }

    private static string Bound(string text)
    {
        const int max = InngestSendException.MaxServerTextLength;
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max; // never split a surrogate pair
        return string.Concat(text.AsSpan(0, cut), $"... ({text.Length - cut} more characters)");
    }
}
