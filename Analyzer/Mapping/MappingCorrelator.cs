using Analyzer.Events;

namespace Analyzer.Mapping;

/// <summary>
/// Pairs mapping requests with their answers. A request waits until its answer arrives or
/// <c>answerTimeoutUs</c> passes (then it is "no answer"); a retransmission of a waiting request counts as another
/// attempt of the same request. Completed records are handed to the callback in the order they complete.
/// </summary>
public sealed class MappingCorrelator
{
    /// <summary>Requests waiting for an answer; beyond it the oldest is closed as "no answer".</summary>
    public const int MaxPending = 4096;

    private sealed class Pending(MappingRequest request)
    {
        public MappingRequest Request = request;
        public int Attempts = 1;
        public bool Done;
    }

    private readonly Dictionary<MappingKey, Pending> _pending = [];
    private readonly Queue<(MappingKey Key, Pending Entry)> _byTime = new();

    public int PendingCount => _pending.Count;

    /// <summary>Feeds one event; returns true when it was a mapping request or answer.</summary>
    public bool OnEvent(AnalyzerEvent e, long answerTimeoutUs, Action<MappingRecord> completed)
    {
        Expire(e.Packet.TimestampUs - answerTimeoutUs, completed);
        if (MappingEvents.TryRequest(e, out var request, out var key))
        {
            if (_pending.TryGetValue(key, out var waiting))
            {
                if (waiting.Request.SameAs(request))
                {
                    waiting.Attempts++;
                    return true;
                }
                Complete(key, waiting, MappingOutcome.NoAnswer, completed);
            }
            if (_pending.Count >= MaxPending) CloseOldest(completed);
            var entry = new Pending(request);
            _pending[key] = entry;
            if (_byTime.Count >= 2 * MaxPending) Compact();
            _byTime.Enqueue((key, entry));
            return true;
        }
        if (MappingEvents.TryResponse(e, out var response, out var answerKey))
        {
            if (_pending.TryGetValue(answerKey, out var matched) || TryLooseMatch(answerKey, out answerKey, out matched))
                Complete(answerKey, matched!, MappingOutcome.From(response), completed);
            return true;
        }
        return false;
    }

    /// <summary>Closes requests sent at or before <paramref name="sentBeforeUs"/> as "no answer".</summary>
    public void Expire(long sentBeforeUs, Action<MappingRecord> completed)
    {
        while (_byTime.Count > 0)
        {
            var (key, entry) = _byTime.Peek();
            if (!entry.Done && entry.Request.Packet.TimestampUs > sentBeforeUs) break;
            _byTime.Dequeue();
            if (!entry.Done) Complete(key, entry, MappingOutcome.NoAnswer, completed);
        }
    }

    /// <summary>Closes every waiting request as "no answer" (end of input).</summary>
    public void Flush(Action<MappingRecord> completed) => Expire(long.MaxValue, completed);

    // A PCP error answer cut after the common header carries no nonce (RFC 6887 §8.3): it answers the client's
    // waiting request of that opcode.
    private bool TryLooseMatch(MappingKey answer, out MappingKey key, out Pending? entry)
    {
        key = default;
        entry = null;
        if (answer.Method != MappingMethod.Pcp || !answer.Tag.EndsWith('/')) return false;
        foreach (var (k, p) in _pending)
        {
            if (k.Method == answer.Method && k.Gateway == answer.Gateway && k.Client == answer.Client
                && k.ClientPort == answer.ClientPort && k.Tag.StartsWith(answer.Tag, StringComparison.Ordinal))
            {
                (key, entry) = (k, p);
                return true;
            }
        }
        return false;
    }

    // Answered requests stay in the time queue until they reach its head; under a flood of answered requests, drop
    // them early so the queue stays bounded.
    private void Compact()
    {
        var open = _byTime.Where(x => !x.Entry.Done).ToArray();
        _byTime.Clear();
        foreach (var x in open) _byTime.Enqueue(x);
    }

    private void CloseOldest(Action<MappingRecord> completed)
    {
        while (_byTime.Count > 0)
        {
            var (key, entry) = _byTime.Dequeue();
            if (entry.Done) continue;
            Complete(key, entry, MappingOutcome.NoAnswer, completed);
            return;
        }
    }

    private void Complete(MappingKey key, Pending entry, MappingOutcome outcome, Action<MappingRecord> completed)
    {
        entry.Done = true;
        _pending.Remove(key);
        completed(new MappingRecord(entry.Request, outcome, entry.Attempts));
    }
}
