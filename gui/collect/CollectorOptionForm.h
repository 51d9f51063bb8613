#pragma once

#include "collectors/options/CollectorOptionSet.h"

#include <QWidget>
#include <memory>
#include <vector>

class CollectorOptionEditor;
class QFormLayout;

// The form of a collector's (or the host's) declared options, generated from
// its CollectorOptionSet: one labelled field per option, of the widget its
// type calls for. Requesting flags (--procfs, --kernel-log) get no field:
// choosing the collector sets them.
class CollectorOptionForm : public QWidget
{
    Q_OBJECT
public:
    explicit CollectorOptionForm(const CollectorOptionSet &options, QWidget *parent = nullptr);
    ~CollectorOptionForm() override;

    // The fields' typed values, requesting flags set.
    CollectorSettings settings() const;
    void setSettings(const CollectorSettings &settings);
    void setLocalHost(bool local);
    // The field of an option (nullptr for none, e.g. a requesting flag).
    QWidget *field(const QString &optionName) const;
    bool isEmpty() const { return m_editors.empty(); }

private:
    CollectorOptionSet m_options;
    std::vector<std::unique_ptr<CollectorOptionEditor>> m_editors;
};
