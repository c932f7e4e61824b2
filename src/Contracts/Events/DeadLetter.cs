namespace VfeTps.Stream.Contracts;

/// <summary>A message a stage could not process, kept with the reason instead of stopping the stage.</summary>
/// <param name="Stage">The stage that refused it (for example "PersonCrop").</param>
/// <param name="Key">What it concerned (a camera id, a crop id), when known.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="At">When.</param>
/// <param name="Payload">A short, printable summary of the message (never pixel data, never credentials).</param>
public sealed record DeadLetter(string Stage, string? Key, string Reason, DateTimeOffset At, string? Payload);
