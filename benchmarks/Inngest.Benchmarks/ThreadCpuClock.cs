using System;
using System.Runtime.InteropServices;

namespace Inngest.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). On a loaded
/// machine wall-clock time includes the slices other processes take; thread CPU time does not, so the
/// side checks use it to rank variants when the machine is busy.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsSupported { get; } = OperatingSystem.IsLinux();

    /// <summary>Nanoseconds of CPU time the current thread has used (wall-clock ticks off Linux).</summary>
    public static long NowNs()
    {
        if (!IsSupported)
        {
            return System.Diagnostics.Stopwatch.GetTimestamp() * 1_000_000_000L / System.Diagnostics.Stopwatch.Frequency;
        }

        clock_gettime(ClockThreadCpuTimeId, out var ts);
        return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clockId, out TimeSpec value);
}
