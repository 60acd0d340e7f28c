using System;
using System.Buffers;

namespace Inngest;

/// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 4096;
    private byte[] _buffer;
    private int _written;

    public PooledBufferWriter(int initialCapacity = MinimumSize)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, MinimumSize));
    }

    public int WrittenCount => _written;

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>
    /// Bytes <paramref name="start"/> .. <paramref name="end"/> of the buffer, where <paramref name="end"/>
    /// may lie past <see cref="WrittenCount"/>: a writer that has not flushed yet keeps its pending bytes
    /// in the memory <see cref="GetMemory"/> handed out, which is this buffer past the written part.
    /// </summary>
    public ReadOnlySpan<byte> Peek(int start, int end) => _buffer.AsSpan(start, end - start);

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Clear() => _written = 0;

    /// <summary>Appends one byte (the <c>[</c>, <c>,</c> and <c>]</c> around events).</summary>
    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _written++;
    }

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _written += bytes.Length;
    }

    /// <summary>Drops everything after the first <paramref name="count"/> bytes.</summary>
    public void Truncate(int count)
    {
        if ((uint)count > (uint)_written)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written = count;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        _written = 0;
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Ensure(int sizeHint)
    {
        if (_buffer.Length == 0)
        {
            throw new ObjectDisposedException(nameof(PooledBufferWriter));
        }

        sizeHint = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= sizeHint)
        {
            return;
        }

        var newSize = (int)Math.Min(Array.MaxLength, Math.Max((long)_buffer.Length * 2, (long)_written + sizeHint));
        if (newSize - _written < sizeHint)
        {
            throw new OutOfMemoryException("The request body would exceed the largest array .NET supports.");
        }

        var next = ArrayPool<byte>.Shared.Rent(newSize);
        _buffer.AsSpan(0, _written).CopyTo(next);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
    }
}
