namespace VfeTps.Stream.Contracts.Audit;

/// <summary>The audited actions (the <c>action</c> column of the audit trail).</summary>
public static class AuditActions
{
    public const string Search = "search.text";
    public const string SearchSimilar = "search.similar";
    public const string CropImageOpened = "crop.image";
    public const string CropFrameOpened = "crop.frame";
    public const string CameraAdded = "camera.add";
    public const string CameraRemoved = "camera.remove";
    public const string KeyCreated = "key.create";
    public const string KeyRevoked = "key.revoke";
    public const string UserCreated = "user.create";
    public const string UserUpdated = "user.update";
    public const string UserDeleted = "user.delete";
    public const string LoggedIn = "login";
    public const string LoginFailed = "login.failed";
    public const string LoggedOut = "logout";
    public const string WatchlistCreated = "watchlist.create";
    public const string WatchlistDeleted = "watchlist.delete";
    public const string ModelLoaded = "model.load";
    public const string ModelChanged = "model.change";
    public const string AuditExported = "audit.export";
    public const string AccessDenied = "access.denied";
}
