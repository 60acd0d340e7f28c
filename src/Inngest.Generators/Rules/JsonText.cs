using System.Globalization;
using System.Text;

namespace Inngest.Generators.Rules;

/// <summary>JSON string literals for the schemas the generator writes (compact, ASCII-safe, stable).</summary>
internal static class JsonText
{
    /// <summary><paramref name="value"/> as a JSON string literal: quotes, backslashes and control characters escaped, everything else as is.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
