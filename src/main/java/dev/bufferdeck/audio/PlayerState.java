package dev.bufferdeck.audio;

public enum PlayerState { IDLE, LOADING, PLAYING, PAUSED, STOPPED, ENDED, ERROR }
