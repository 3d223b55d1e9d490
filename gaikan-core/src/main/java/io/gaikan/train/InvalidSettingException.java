package io.gaikan.train;

/**
 * A setting given a value outside its valid range: one line naming the setting as the caller spelled it and the
 * range, the same from the command line, experiment YAML and Java.
 */
public final class InvalidSettingException extends IllegalArgumentException {

    private final transient Setting<?> setting;
    private final String problem;

    public InvalidSettingException(Setting<?> setting, String problem) {
        super(setting.option() + " " + problem);
        this.setting = setting;
        this.problem = problem;
    }

    public Setting<?> setting() {
        return setting;
    }

    /** What is wrong, without the setting's name: {@code must be >= 1, got 0}. */
    public String problem() {
        return problem;
    }
}
