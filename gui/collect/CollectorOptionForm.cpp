#include "CollectorOptionForm.h"

#include "CollectorOptionEditor.h"

#include <QCheckBox>
#include <QFormLayout>

namespace {
bool isRequestingFlag(const CollectorOption &o)
{
    return o.requests && o.type == CollectorOption::Type::Flag;
}
}

CollectorOptionForm::CollectorOptionForm(const CollectorOptionSet &options, QWidget *parent) : QWidget(parent), m_options(options)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const CollectorOption &o : m_options.all()) {
        if (isRequestingFlag(o))
            continue;
        auto editor = CollectorOptionEditor::create(o, this);
        if (o.type == CollectorOption::Type::Flag)
            form->addRow(editor->widget()); // a checkbox carries its own label
        else
            form->addRow(CollectorOptionEditor::label(o) + QLatin1Char(':'), editor->widget());
        m_editors.push_back(std::move(editor));
    }
    // A field that only matters with a flag is enabled with it.
    for (const auto &e : m_editors) {
        auto *flag = qobject_cast<QCheckBox *>(field(e->option().enabledBy));
        if (!flag)
            continue;
        QWidget *dependent = e->widget();
        dependent->setEnabled(flag->isChecked());
        connect(flag, &QCheckBox::toggled, dependent, &QWidget::setEnabled);
    }
}

CollectorOptionForm::~CollectorOptionForm() = default;

CollectorSettings CollectorOptionForm::settings() const
{
    CollectorSettings s = m_options.defaults();
    for (const CollectorOption &o : m_options.all())
        if (isRequestingFlag(o))
            s.set(o.name, true);
    for (const auto &e : m_editors)
        s.set(e->option().name, e->value());
    return s;
}

void CollectorOptionForm::setSettings(const CollectorSettings &settings)
{
    const CollectorSettings complete = m_options.complete(settings);
    for (const auto &e : m_editors)
        e->setValue(complete.value(e->option().name));
}

void CollectorOptionForm::setLocalHost(bool local)
{
    for (const auto &e : m_editors)
        e->setLocalHost(local);
}

QWidget *CollectorOptionForm::field(const QString &optionName) const
{
    for (const auto &e : m_editors)
        if (e->option().name == optionName)
            return e->widget();
    return nullptr;
}
