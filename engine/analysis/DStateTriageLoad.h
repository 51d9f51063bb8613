#pragma once

#include <QString>

// The load-average verdict of the D-state triage. Linux folds the number of
// active tasks (runnable + uninterruptible) into its averages every 5 s:
// load1 = load1 * e^(-5/60) + n * (1 - e^(-5/60)), likewise with 300 s and
// 900 s for load5 and load15. So a load average only says "the load is made
// of these tasks" when it is close to what they account for now; once they
// are gone it decays over minutes, and saying so needs the decay, not the
// count. With the three averages the time since the load fell can be
// estimated: for a drop from a level P to n, t seconds ago,
//   load1 - n = (P - n) e^(-t/60),  load5 - n = (P - n) e^(-t/300)
//   => t = 75 s * ln((load5 - n) / (load1 - n)).
// After a drop the 1-minute average is below the 5-minute one; a load well
// above the tasks seen that is not falling is "unaccounted": tasks the
// snapshot does not see (another pid namespace), or a burst that just ended.
struct DStateTriageLoad
{
    enum class Verdict { Unknown, MadeOfD, MostlyRunnable, Decaying, Rising, Unaccounted };

    Verdict verdict = Verdict::Unknown;
    int active = 0;          // runnable + in D now
    double leftAgoS = -1;    // Decaying: estimated seconds since the load fell (-1 = cannot say)
    double peak = -1;        // Decaying: estimated earlier level
    QString text;            // one or two sentences for the finding

    // load1/5/15 < 0: unknown.
    static DStateTriageLoad judge(double load1, double load5, double load15, int runnable, int inD);
    static QString verdictName(Verdict v); // made-of-d, mostly-runnable, decaying, rising, unaccounted, unknown
};
