using System;
using System.Globalization;
using System.Text;

namespace Inngest.Testing.Server;

/// <summary>Byte-exact HTTP/1.1 answers for a <see cref="RawHttpServer"/> handler.</summary>
public static class RawHttpAnswers
{
    /// <summary>A status line and header lines, ended by the blank line. Header lines are written as given, so they can be invalid on purpose.</summary>
    public static byte[] Head(string statusLine, params string[] headerLines)
    {
        var text = new StringBuilder(statusLine).Append("\r\n");
        foreach (var line in headerLines)
        {
            text.Append(line).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }

    /// <summary>A complete answer with Content-Length.</summary>
    public static byte[] Full(int status, string reason, string contentType, byte[] body, params string[] extraHeaderLines)
    {
        var lines = new string[extraHeaderLines.Length + 2];
        lines[0] = "Content-Type: " + contentType;
        lines[1] = "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture);
        extraHeaderLines.CopyTo(lines, 2);
        return Concat(Head($"HTTP/1.1 {status} {reason}", lines), body);
    }

    /// <summary>A complete answer with a UTF-8 body.</summary>
    public static byte[] Full(int status, string reason, string contentType, string body, params string[] extraHeaderLines)
        => Full(status, reason, contentType, Encoding.UTF8.GetBytes(body), extraHeaderLines);

    /// <summary>
    /// The answer of the open-source Inngest server's <c>POST /e/{key}</c> handler (pkg/api/api.go,
    /// Go net/http): the handler sets no Content-Type, so Go sniffs <c>text/plain; charset=utf-8</c>;
    /// the body is <c>json.Encoder</c> output, with a trailing newline; Go writes headers sorted.
    /// </summary>
    public static byte[] InngestServer(int status, string json)
    {
        var body = Encoding.UTF8.GetBytes(json + "\n");
        return Concat(
            Head(
                $"HTTP/1.1 {status} {(status == 200 ? "OK" : status == 400 ? "Bad Request" : "Error")}",
                "Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture),
                "Content-Type: text/plain; charset=utf-8",
                "Date: " + DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture),
                "Vary: Origin",
                "X-Inngest-Server-Kind: dev"),
            body);
    }

    public static byte[] Concat(byte[] first, byte[] second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all, 0);
        second.CopyTo(all, first.Length);
        return all;
    }
}
