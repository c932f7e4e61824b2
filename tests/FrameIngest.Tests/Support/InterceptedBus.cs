using System.Reflection;
using MassTransit;

namespace VfeTps.Stream.FrameIngest.Tests.Support;

/// <summary>
/// A test double around the real bus (named so): before each Publish it runs the test's hook with the
/// message and the token the publisher passed, then forwards the call unchanged to the real bus. The
/// hook can cancel the caller's request, fail, or hang, to play what a real bus or request can do at
/// the worst moment (right after the registry committed a change).
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives its proxy type from this class: it must not be sealed.
internal class InterceptedBus : DispatchProxy
#pragma warning restore CA1852
{
    private IPublishEndpoint _inner = null!;
    private Func<object, CancellationToken, Task> _beforePublish = null!;

    public static IPublishEndpoint Wrap(IPublishEndpoint inner, Func<object, CancellationToken, Task> beforePublish)
    {
        var proxy = Create<IPublishEndpoint, InterceptedBus>();
        var interceptor = (InterceptedBus)(object)proxy;
        interceptor._inner = inner;
        interceptor._beforePublish = beforePublish;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IPublishEndpoint.Publish) && args is [{ } message, .., CancellationToken token])
        {
            return PublishAsync(targetMethod, args, message, token);
        }

        return targetMethod.Invoke(_inner, args);
    }

    private async Task PublishAsync(MethodInfo method, object?[] args, object message, CancellationToken token)
    {
        await _beforePublish(message, token);
        await (Task)method.Invoke(_inner, args)!;
    }
}
