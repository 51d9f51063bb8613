#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

// One option of a collector (or of the connection to a host), declared once.
// `casectl collect`'s flags and help, the Collect dialog's form field and the
// record of a collection's settings (collections.parameters "options") are all
// generated from this declaration.
//
// Typed values (QVariant) by type:
//   Flag: bool; Integer, Size: qint64; Duration: double seconds;
//   Text, Interface, CaptureFilter, Choice: QString;
//   NameList, PathList: QStringList; PidList: QList<qint64>.
struct CollectorOption
{
    enum class Type {
        Flag,          // casectl --NAME; a checkbox
        Integer,       // a whole number in [minimum, maximum]; a spin box
        Duration,      // seconds in [minimum, maximum] with `decimals` places; casectl also takes 90s, 5m, 1h
        Size,          // bytes in [minimum, maximum]; casectl takes K/M/G suffixes
        Text,          // one line of free text
        NameList,      // comma-separated names of letters, digits, - _ . @
        PidList,       // process ids; casectl takes them comma-separated
        Interface,     // a network interface name (or "any")
        CaptureFilter, // a tcpdump (pcap-filter) expression; see CaptureFilter
        PathList,      // absolute paths; casectl repeats --NAME PATH
        Choice,        // one of `choices`
    };

    QString name{};          // casectl long option; also the key of the value in settings and JSON
    Type type = Type::Flag;
    QString label{};         // the dialog's field label (translated in the GUI, context "CollectorOption")
    QString help{};          // one line: casectl help and the field's tooltip (same context)
    QString valueName{};     // casectl help placeholder, e.g. "N"
    QVariant defaultValue{}; // when the option is not given
    double minimum = 0;    // Integer, Duration, Size
    double maximum = 0;
    int decimals = 0;      // Duration
    QStringList choices{};   // Choice
    bool emptyAllowed = false; // NameList: an empty list is a value (--services "" records none)
    bool requests = false; // giving it requests the collector (--procfs, --tcpdump IFACE, --pull PATH)
    QString enabledBy{};   // a Flag option this one only matters with (--become-method with --sudo)

    // The typed value of casectl's text(s) for this option (several for a
    // repeated PathList). Throws std::invalid_argument saying what --NAME takes.
    QVariant parse(const QStringList &texts) const;
    // Why a typed value is not acceptable, naming --NAME; empty when it is.
    QString check(const QVariant &value) const;
    // The casectl arguments giving this value; none when it is the default.
    QStringList arguments(const QVariant &value) const;
    // Whether the value differs from not giving the option at all.
    bool isGiven(const QVariant &value) const;
    // The value as casectl shows it ("2", "256M", "1234,5678", a path list...).
    QString display(const QVariant &value) const;
    // The typed value normalised to its type (e.g. int -> qint64); invalid stays invalid.
    QVariant normalise(const QVariant &value) const;

    QJsonValue toJson(const QVariant &value) const;
    QVariant fromJson(const QJsonValue &json) const; // invalid QVariant when the JSON does not fit

    // What the help adds after the help text: range and default.
    QString helpSuffix() const;
    bool takesValue() const { return type != Type::Flag; }
};
