using System;

namespace Inngest;

/// <summary>
/// Thrown when the client's configuration cannot work: no event key in cloud mode, a base URL that
/// is not an absolute http(s) URL or that holds the event path, the key over plain http to another machine,
/// limits out of range, or an event whose data member is marked <see cref="InngestEncryptedAttribute"/> sent by a
/// client none of whose send middleware encrypts it (nothing of the call is sent). The message says what to set and
/// never repeats the key.
/// </summary>
public sealed class InngestConfigurationException : InvalidOperationException
{
    internal InngestConfigurationException(string message)
        : base(message)
    {
    }
}
