using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inngest.EntityFrameworkCore;

/// <summary>
/// Stores an <see cref="InngestUser"/> as the JSON the Event API reads (<c>external_id</c>, <c>email</c>, <c>phone</c>,
/// then the attributes) and reads it back, without reflection.
/// </summary>
internal static class UserJson
{
    public static string? Write(InngestUser? user)
    {
        if (user is null)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            WriteIfSet(writer, "external_id", user.ExternalId);
            WriteIfSet(writer, "email", user.Email);
            WriteIfSet(writer, "phone", user.Phone);
            if (user.Attributes is not null)
            {
                writer.WritePropertyName("attributes");
                user.Attributes.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static InngestUser? Read(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var node = JsonNode.Parse(json) as JsonObject
            ?? throw new FormatException("The outbox row's user column does not hold a JSON object.");
        return new InngestUser
        {
            ExternalId = (string?)node["external_id"],
            Email = (string?)node["email"],
            Phone = (string?)node["phone"],
            Attributes = node["attributes"] is JsonObject attributes ? (JsonObject)attributes.DeepClone() : null,
        };
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
