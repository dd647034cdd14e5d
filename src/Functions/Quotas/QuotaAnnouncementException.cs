namespace DialControl.Functions.Quotas;

/// <summary>EventBridge answered the call but did not accept the level-change event.</summary>
internal sealed class QuotaAnnouncementException : Exception
{
    /// <summary>Creates the exception with the event, the bus and the error EventBridge gave.</summary>
    public QuotaAnnouncementException(string message)
        : base(message)
    {
    }
}
