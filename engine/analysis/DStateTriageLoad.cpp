#include "DStateTriageLoad.h"

#include <cmath>

QString DStateTriageLoad::verdictName(Verdict v)
{
    switch (v) {
    case Verdict::MadeOfD: return QStringLiteral("made-of-d");
    case Verdict::MostlyRunnable: return QStringLiteral("mostly-runnable");
    case Verdict::Decaying: return QStringLiteral("decaying");
    case Verdict::Rising: return QStringLiteral("rising");
    case Verdict::Unaccounted: return QStringLiteral("unaccounted");
    case Verdict::Unknown: break;
    }
    return QStringLiteral("unknown");
}

namespace {
QString duration(double s)
{
    if (s < 90)
        return QStringLiteral("%1 s").arg(qRound(s));
    if (s < 5400)
        return QStringLiteral("%1 min").arg(qRound(s / 60));
    return QStringLiteral("%1 h").arg(s / 3600, 0, 'f', 1);
}
}

DStateTriageLoad DStateTriageLoad::judge(double load1, double load5, double load15, int runnable, int inD)
{
    DStateTriageLoad r;
    r.active = runnable + inD;
    // The kernel's fixed-point averages cannot exceed a few million: beyond that the value is corrupt.
    constexpr double kMaxLoad = 1e7;
    if (!(load1 >= 0) || !std::isfinite(load1) || load1 > kMaxLoad)
        return r;
    if (!(load5 >= 0) || load5 > kMaxLoad)
        load5 = -1;
    if (!(load15 >= 0) || load15 > kMaxLoad)
        load15 = -1;
    const double n = r.active;
    const QString head = QStringLiteral("Load average %1 vs %2 runnable + %3 in D = %4")
                             .arg(load1, 0, 'f', 2).arg(runnable).arg(inD).arg(r.active);
    // The 1-minute average follows a steady count within a minute or two;
    // sampling every 5 s makes it wobble around it. Beyond this it is not
    // made of the tasks seen now.
    const double slack = std::max(2.0, 0.5 * n);
    if (load1 > n + slack && load5 >= 0 && load1 < load5 * 0.97) {
        // Falling: after a drop the 1-minute average is below the 5-minute one.
        r.verdict = Verdict::Decaying;
        r.text = head + QStringLiteral(": the tasks seen now account for little of it; the load is decaying from an "
                                       "earlier peak (the 1-minute average falls by e^(-5/60) every 5 s).");
        const double d1 = load1 - n, d5 = load5 - n;
        r.leftAgoS = 75.0 * std::log(d5 / d1);
        r.peak = n + d5 * std::exp(r.leftAgoS / 300.0);
        r.text += QStringLiteral(" From the 1- and 5-minute averages (%1, %2): the load fell about %3 ago, from about %4 "
                                 "(assuming it had lasted some minutes).")
                      .arg(load1, 0, 'f', 2).arg(load5, 0, 'f', 2).arg(duration(r.leftAgoS)).arg(r.peak, 0, 'f', 0);
        if (load15 >= 0 && load15 > load1)
            r.text += QStringLiteral(" The 15-minute average (%1) is higher too: the episode began earlier.").arg(load15, 0, 'f', 2);
        return r;
    }
    if (load1 > n + slack) {
        // High and not falling (or falling unseen): more active tasks than this snapshot shows.
        r.verdict = Verdict::Unaccounted;
        if (load5 < 0)
            r.text = head + QStringLiteral(": the tasks seen now account for little of it; without the 5-minute average "
                                           "it cannot be told whether it is falling");
        else
            r.text = head + QStringLiteral(": the tasks seen now account for little of it, and it is not falling (1/5/15 min: "
                                           "%1, %2, %3)").arg(load1, 0, 'f', 2).arg(load5, 0, 'f', 2).arg(load15, 0, 'f', 2);
        r.text += QStringLiteral(". Active tasks this snapshot does not see (another pid namespace or container, "
                                 "unreadable threads), or a burst that ended seconds ago; a later sample tells them apart.");
        if (inD > runnable)
            r.text += QStringLiteral(" Of the tasks seen, %1 of %2 are in D: not CPU demand.").arg(inD).arg(r.active);
        return r;
    }
    if (load1 < n - slack) {
        r.verdict = Verdict::Rising;
        r.text = head + QStringLiteral(": the average has not caught up with them yet; they have been there for less "
                                       "than about a minute, or the count just rose.");
        return r;
    }
    if (inD > runnable) {
        r.verdict = Verdict::MadeOfD;
        r.text = head + QStringLiteral(": the load is made of tasks in D, not CPU demand.");
    } else {
        r.verdict = Verdict::MostlyRunnable;
        r.text = head + QStringLiteral(": the load is mostly runnable tasks.");
    }
    return r;
}
