using VfeTps.Stream.Inference;

namespace VfeTps.Stream.ModelCheck;

/// <summary>Turns a refused bundle or an unavailable provider into one readable line and exit code 2, not a stack trace.</summary>
internal static class Refusals
{
    public const int ExitCode = 2;

    public static int Report(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ModelBundleException error)
        {
            Console.Error.WriteLine(error.Message);
            return ExitCode;
        }
        catch (ExecutionProviderUnavailableException error)
        {
            Console.Error.WriteLine(error.Message);
            return ExitCode;
        }
    }
}
