using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Inngest;

/// <summary>Brings the parse methods' inputs (text, a JSON element, a stream) to UTF-8 bytes, in pooled buffers where it can.</summary>
internal static class Utf8Input
{
    /// <summary>A rented buffer holding <see cref="Length"/> bytes of UTF-8 JSON; return it with <see cref="Dispose"/>.</summary>
    public readonly struct Rented : IDisposable
    {
        private readonly byte[] _array;

        public Rented(byte[] array, int length)
        {
            _array = array;
            Length = length;
        }

        public int Length { get; }

        public ReadOnlySpan<byte> Span => _array.AsSpan(0, Length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
    }

    public static Rented FromString(string json)
    {
        var array = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(json));
        return new Rented(array, Encoding.UTF8.GetBytes(json, 0, json.Length, array, 0));
    }

    public static ReadOnlyMemory<byte> FromElement(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            // default(JsonElement), or a member that was not there: nothing to parse.
            throw new InngestEventParseException(InngestEventParseError.InvalidJson, null, "$", "The JSON element is undefined (default, or a member that is missing); pass the element of an event.");
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return buffer.WrittenMemory;
    }

    public static async ValueTask<Rented> FromStreamAsync(Stream stream, CancellationToken cancellationToken)
    {
        var array = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 256, int.MaxValue) : 16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == array.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(checked(array.Length * 2));
                    array.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(array);
                    array = larger;
                }

                var read = await stream.ReadAsync(array.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return new Rented(array, length);
                }

                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(array);
            throw;
        }
    }
}
